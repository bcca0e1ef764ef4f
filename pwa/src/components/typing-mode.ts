// While a text field of the report form has focus the keyboard is up: an in-app browser (WeChat,
// DingTalk) then shrinks the page to the few lines above the keyboard. Marking the document
// (html[data-typing], styled in phone.css) hides the tab bar and unsticks 提交 so the text keeps
// that room.
import { useEffect } from 'preact/hooks';

const NOT_TYPED = new Set(['checkbox', 'radio', 'range', 'file', 'button', 'submit', 'reset']);

function typesText(el: EventTarget | null): boolean {
  if (el instanceof HTMLTextAreaElement) return true;
  return el instanceof HTMLInputElement && !NOT_TYPED.has(el.type);
}

export function useTypingMode(): void {
  useEffect(() => {
    const root = document.documentElement;
    let leaving: ReturnType<typeof setTimeout> | undefined;
    const on = (e: FocusEvent) => {
      if (!typesText(e.target)) return;
      clearTimeout(leaving);
      root.dataset.typing = '';
    };
    // Leaving a field by tapping 提交 blurs it on pointer-down: restoring the layout at once would
    // move 提交 from under the finger before the tap ends, so the tap lands first.
    const off = (e: FocusEvent) => {
      if (typesText(e.relatedTarget)) return;
      clearTimeout(leaving);
      leaving = setTimeout(() => delete root.dataset.typing, 400);
    };
    document.addEventListener('focusin', on);
    document.addEventListener('focusout', off);
    if (typesText(document.activeElement)) root.dataset.typing = '';
    return () => {
      document.removeEventListener('focusin', on);
      document.removeEventListener('focusout', off);
      clearTimeout(leaving);
      delete root.dataset.typing;
    };
  }, []);
}
