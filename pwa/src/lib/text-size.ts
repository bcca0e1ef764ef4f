// 长者模式: a larger base text size that scales the whole interface (everything is in rem).
const KEY = 'duban.textSize';
export type TextSize = 'normal' | 'large';

export function getTextSize(): TextSize {
  return localStorage.getItem(KEY) === 'large' ? 'large' : 'normal';
}

export function applyTextSize(size: TextSize = getTextSize()): void {
  localStorage.setItem(KEY, size);
  document.documentElement.dataset.text = size;
}
