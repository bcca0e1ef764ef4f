// The outbox's state in the shell, visible from every screen: uploading, or reports the server
// refused that need the user (the tab badge already counts what is unsent).
import { useStore } from '../lib/store';
import { outboxSummaryStore } from '../outbox/signal';
import { Link, usePath } from '../router';

export function OutboxBanner() {
  const s = useStore(outboxSummaryStore);
  const { path } = usePath();
  if (path === '/outbox') return null;
  if (s.needsAction > 0) {
    return (
      <div role="status">
        <Link class="banner banner-needs-action" href="/outbox">
          <span>{s.needsAction} 份报告未被接受，需要处理</span>
          <span aria-hidden="true">›</span>
        </Link>
      </div>
    );
  }
  if (s.running && s.unsent > 0) {
    return (
      <div class="banner banner-uploading" role="status">
        正在上传报告（还有 {s.unsent} 份）…
      </div>
    );
  }
  return null;
}
