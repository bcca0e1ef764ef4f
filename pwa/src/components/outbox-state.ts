// The words for an outbox item's state: 等待网络 / 上传中 2/5 / 已提交 / 需处理 …
import type { OutboxItem } from '../db/schema';

/** "任务 12 " before the task text: the item's one label (older entries knew only the number). */
export function outboxLabel(title: OutboxItem['title']): string {
  if (title.label) return `${title.label} `;
  return title.number ? `任务 ${title.number} ` : '';
}

export type OutboxTone = 'grey' | 'blue' | 'green' | 'red' | 'amber';

export function photoProgress(item: OutboxItem): { done: number; total: number } {
  const total = item.photos.length;
  const done = item.photos.filter((p) => p.sent && p.thumbSent).length;
  return { done, total };
}

export function outboxState(item: OutboxItem, online = typeof navigator === 'undefined' || navigator.onLine !== false): { text: string; tone: OutboxTone } {
  switch (item.state) {
    case 'submitted':
      return { text: '已提交', tone: 'green' };
    case 'needs_action':
      return { text: '需处理', tone: 'red' };
    case 'sending': {
      const { done, total } = photoProgress(item);
      return { text: total ? `上传中 ${done}/${total}` : '上传中', tone: 'blue' };
    }
    case 'queued':
      if (item.lastError?.status === 401) return { text: '待重新登录', tone: 'amber' };
      if (!online || item.lastError?.status === 0) return { text: '等待网络', tone: 'grey' };
      if (item.lastError) return { text: '等待重试', tone: 'amber' };
      return { text: '排队中', tone: 'grey' };
  }
}

export function outboxStateText(item: OutboxItem): string {
  return outboxState(item).text;
}
