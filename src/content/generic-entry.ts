// The content script the background registers at run time for origins where the user enabled the
// generic fallback (options page): it carries only the generic adapter.
import { generic } from '../sites/generic';
import { startPaperlight } from './boot';

void startPaperlight([generic]);
