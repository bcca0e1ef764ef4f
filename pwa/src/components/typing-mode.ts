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
    const on = (e: FocusEvent) => {
      if (typesText(e.target)) root.dataset.typing = '';
    };
    const off = (e: FocusEvent) => {
      if (!typesText(e.relatedTarget)) delete root.dataset.typing;
    };
    document.addEventListener('focusin', on);
    document.addEventListener('focusout', off);
    if (typesText(document.activeElement)) root.dataset.typing = '';
    return () => {
      document.removeEventListener('focusin', on);
      document.removeEventListener('focusout', off);
      delete root.dataset.typing;
    };
  }, []);
}
