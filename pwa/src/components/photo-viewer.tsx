// Report photos as thumbnails that open in an in-app viewer: full screen, swipe or ‹ › to the next
// photo, and a way back (返回, Escape, or the phone's back gesture) — an installed app has no
// browser chrome, so a bare JPEG in a new tab would leave the user stranded.
import { useEffect, useRef, useState } from 'preact/hooks';
import { ServerPhoto } from './server-photo';

export interface ViewerPhoto {
  id: string;
  thumbUrl: string | null;
  url: string | null;
  alt: string;
}

export function PhotoThumbs({ photos }: { photos: ViewerPhoto[] }) {
  const [open, setOpen] = useState<number | null>(null);
  if (!photos.length) return null;
  return (
    <>
      <div class="thumbs">
        {photos.map((p, i) =>
          p.thumbUrl || p.url ? (
            <button key={p.id} type="button" class="thumb thumb-button" aria-label={`查看${p.alt}（第 ${i + 1} 张，共 ${photos.length} 张）`} onClick={() => setOpen(i)}>
              <ServerPhoto src={p.thumbUrl ?? p.url!} alt={p.alt} />
            </button>
          ) : (
            <span key={p.id} class="thumb thumb-missing">
              照片未到
            </span>
          ),
        )}
      </div>
      {open !== null && <PhotoViewer photos={photos.filter((p) => p.url || p.thumbUrl)} start={open} onClose={() => setOpen(null)} />}
    </>
  );
}

export function PhotoViewer({ photos, start, onClose }: { photos: ViewerPhoto[]; start: number; onClose: () => void }) {
  const [index, setIndex] = useState(Math.min(start, photos.length - 1));
  const touch = useRef<{ x: number; y: number } | null>(null);
  const back = useRef<HTMLButtonElement>(null);
  const closing = useRef(false);
  const go = (step: number) => setIndex((i) => Math.min(photos.length - 1, Math.max(0, i + step)));

  useEffect(() => {
    // The phone's back gesture closes the viewer instead of leaving the page.
    history.pushState({ photoViewer: true }, '');
    const onPop = () => {
      closing.current = true;
      onClose();
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') close();
      if (e.key === 'ArrowRight') go(1);
      if (e.key === 'ArrowLeft') go(-1);
    };
    window.addEventListener('popstate', onPop);
    window.addEventListener('keydown', onKey);
    document.documentElement.classList.add('viewer-open');
    back.current?.focus();
    return () => {
      window.removeEventListener('popstate', onPop);
      window.removeEventListener('keydown', onKey);
      document.documentElement.classList.remove('viewer-open');
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  function close() {
    if (closing.current) return;
    closing.current = true;
    // Undo our history entry; its popstate then closes the viewer.
    if ((history.state as { photoViewer?: boolean } | null)?.photoViewer) history.back();
    onClose();
  }

  const p = photos[index]!;
  return (
    <div
      class="viewer"
      role="dialog"
      aria-modal="true"
      aria-label={`照片 ${index + 1}/${photos.length}`}
      onTouchStart={(e) => {
        const t = e.touches[0]!;
        touch.current = { x: t.clientX, y: t.clientY };
      }}
      onTouchEnd={(e) => {
        const s = touch.current;
        const t = e.changedTouches[0]!;
        touch.current = null;
        if (!s) return;
        const dx = t.clientX - s.x;
        if (Math.abs(dx) > 40 && Math.abs(dx) > Math.abs(t.clientY - s.y)) go(dx < 0 ? 1 : -1);
      }}
    >
      <div class="viewer-bar">
        <button ref={back} type="button" class="btn viewer-close" onClick={close}>
          ‹ 返回
        </button>
        <span class="viewer-count">
          {index + 1} / {photos.length}
        </span>
      </div>
      <img key={p.id} class="viewer-img" src={p.url ?? p.thumbUrl!} alt={p.alt} />
      {photos.length > 1 && (
        <div class="viewer-nav">
          <button type="button" class="btn" disabled={index === 0} onClick={() => go(-1)} aria-label="上一张">
            ‹ 上一张
          </button>
          <button type="button" class="btn" disabled={index === photos.length - 1} onClick={() => go(1)} aria-label="下一张">
            下一张 ›
          </button>
        </div>
      )}
    </div>
  );
}
