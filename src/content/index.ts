// The content script with every site adapter, as manifest.json declares it. Production builds
// replace it with one bundle per site (vite.config.ts), each carrying only its own adapter.
import { adapters } from '../sites';
import { startPaperlight } from './boot';

void startPaperlight(adapters);
