// Only for the local demo seeding (worker/cli/demo-photos.ts), never imported by the app: paints
// a plausible site scene ("camera" picture) and runs it through the app's own photo pipeline
// (processPhoto: resize, watermark band, JPEG, thumbnail, SHA-256), so the demo's photos carry
// exactly the watermark a phone would burn in. Bundled by esbuild and run in headless Chromium.
import { processPhoto } from './process';
import type { WatermarkInfo } from './watermark';

export interface DemoPhotoJob {
  seed: number;
  /** 'build' a construction site, 'road', 'park', 'meeting' a meeting room. */
  scene: 'build' | 'road' | 'park' | 'meeting';
  wm: Omit<WatermarkInfo, 'takenAt'> & { takenAt: string };
}

export interface DemoPhotoResult {
  full: string;
  thumb: string;
  sha256: string;
  thumbSha256: string;
  width: number;
  height: number;
}

function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function paint(job: DemoPhotoJob, w: number, h: number): HTMLCanvasElement {
  const c = document.createElement('canvas');
  c.width = w;
  c.height = h;
  const g = c.getContext('2d')!;
  const r = rng(job.seed);
  const horizon = h * (0.45 + r() * 0.15);
  const sky = g.createLinearGradient(0, 0, 0, horizon);
  sky.addColorStop(0, `hsl(${205 + r() * 15}, 55%, ${55 + r() * 15}%)`);
  sky.addColorStop(1, '#e9eef2');
  g.fillStyle = sky;
  g.fillRect(0, 0, w, horizon);
  // Distant skyline.
  for (let x = 0; x < w; x += w / 18) {
    const bh = h * (0.05 + r() * 0.12);
    g.fillStyle = `hsl(210, 10%, ${62 + r() * 12}%)`;
    g.fillRect(x, horizon - bh, w / 20, bh);
  }
  const ground = g.createLinearGradient(0, horizon, 0, h);
  const grass = job.scene === 'park';
  ground.addColorStop(0, grass ? '#6f9a4a' : '#a08c70');
  ground.addColorStop(1, grass ? '#3f6a2a' : '#6d5a44');
  g.fillStyle = ground;
  g.fillRect(0, horizon, w, h - horizon);
  if (job.scene === 'meeting') {
    g.fillStyle = '#d9d4c7';
    g.fillRect(0, 0, w, h);
    g.fillStyle = '#8a5a3c';
    g.fillRect(w * 0.1, h * 0.55, w * 0.8, h * 0.12);
    g.fillStyle = '#b3261e';
    g.fillRect(w * 0.15, h * 0.08, w * 0.7, h * 0.14);
    g.fillStyle = '#fff';
    g.font = `bold ${Math.round(h * 0.07)}px 'Noto Sans CJK SC', sans-serif`;
    g.fillText('工作推进会', w * 0.36, h * 0.18);
    for (let i = 0; i < 6; i++) {
      g.fillStyle = `hsl(${r() * 360}, 20%, 30%)`;
      g.beginPath();
      g.arc(w * (0.18 + i * 0.13), h * 0.5, h * 0.05, 0, Math.PI * 2);
      g.fill();
    }
  } else if (job.scene === 'road') {
    g.fillStyle = '#4a4a4a';
    g.beginPath();
    g.moveTo(w * 0.45, horizon);
    g.lineTo(w * 0.55, horizon);
    g.lineTo(w * 0.95, h);
    g.lineTo(w * 0.05, h);
    g.fill();
    g.strokeStyle = '#f2f2f2';
    g.lineWidth = w * 0.008;
    g.setLineDash([h * 0.05, h * 0.04]);
    g.beginPath();
    g.moveTo(w * 0.5, horizon);
    g.lineTo(w * 0.5, h);
    g.stroke();
    g.setLineDash([]);
  } else {
    // A building going up: floors, scaffolding and a tower crane.
    const floors = 3 + Math.floor(r() * 8);
    const bx = w * (0.2 + r() * 0.2);
    const bw = w * 0.35;
    const fh = h * 0.045;
    for (let f = 0; f < floors; f++) {
      g.fillStyle = f === floors - 1 ? '#9e9e9e' : '#c9c2b5';
      g.fillRect(bx, horizon - (f + 1) * fh + h * 0.15, bw, fh - 4);
    }
    g.strokeStyle = '#1e5aa8';
    g.lineWidth = 3;
    for (let x = bx; x <= bx + bw; x += bw / 8) {
      g.beginPath();
      g.moveTo(x, horizon + h * 0.15);
      g.lineTo(x, horizon - floors * fh + h * 0.15);
      g.stroke();
    }
    g.strokeStyle = '#e0a400';
    g.lineWidth = w * 0.01;
    const cx = bx + bw + w * 0.08;
    g.beginPath();
    g.moveTo(cx, horizon + h * 0.1);
    g.lineTo(cx, h * 0.12);
    g.lineTo(cx - w * 0.35, h * 0.12);
    g.moveTo(cx, h * 0.12);
    g.lineTo(cx + w * 0.1, h * 0.12);
    g.stroke();
  }
  // Trees in front, for all outdoor scenes.
  if (job.scene !== 'meeting') {
    for (let i = 0; i < 5; i++) {
      const tx = r() * w;
      const ty = horizon + (h - horizon) * (0.2 + r() * 0.5);
      g.fillStyle = '#5b4030';
      g.fillRect(tx - 6, ty, 12, h * 0.08);
      g.fillStyle = `hsl(${100 + r() * 30}, 45%, ${25 + r() * 15}%)`;
      g.beginPath();
      g.arc(tx, ty, h * 0.05, 0, Math.PI * 2);
      g.fill();
    }
  }
  return c;
}

function toBase64(bytes: ArrayBuffer): string {
  const u = new Uint8Array(bytes);
  let bin = '';
  for (let i = 0; i < u.length; i += 0x8000) bin += String.fromCharCode(...u.subarray(i, i + 0x8000));
  return btoa(bin);
}

/** One "camera" picture per job (2000×1500 JPEG), then the app's pipeline, one at a time. */
export async function renderDemoPhotos(jobs: DemoPhotoJob[]): Promise<DemoPhotoResult[]> {
  const out: DemoPhotoResult[] = [];
  for (const job of jobs) {
    const camera = paint(job, 2000, 1500);
    const blob: Blob = await new Promise((res) => camera.toBlob((b) => res(b!), 'image/jpeg', 0.9));
    camera.width = 0;
    const p = await processPhoto(blob, { ...job.wm, takenAt: new Date(job.wm.takenAt) });
    out.push({ full: toBase64(p.full), thumb: toBase64(p.thumb), sha256: p.sha256, thumbSha256: p.thumbSha256, width: p.width, height: p.height });
  }
  return out;
}

(globalThis as unknown as { renderDemoPhotos: typeof renderDemoPhotos }).renderDemoPhotos = renderDemoPhotos;
