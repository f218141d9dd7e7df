// Key combinations as <kbd> elements: "Ctrl+A", "↑ or ↓".
export function KeyCombo({ keys }: { keys: string[][] }) {
  return (
    <span class="key-combo">
      {keys.map((combo, i) => (
        <span key={i}>
          {i > 0 && <span class="or"> or </span>}
          {combo.map((key, j) => <span key={key}>{j > 0 && '+'}<kbd>{key}</kbd></span>)}
        </span>
      ))}
    </span>
  );
}
