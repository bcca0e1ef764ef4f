// 我的 → 管理 (organisation admin): may anyone holding a 核验码 open its verification page, or only
// this organisation's signed-in users? The server audits every change.
import { useEffect, useState } from 'preact/hooks';
import { api, ApiFailure, unwrap } from '../api/client';

export function PublicVerifySetting() {
  const [on, setOn] = useState<boolean | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    unwrap(api.api['verify-settings'].$get({ query: {} }))
      .then((s) => setOn(s.publicVerify))
      .catch((e) => setError(e instanceof ApiFailure ? e.message : '无法加载核验设置'));
  }, []);
  async function change(next: boolean) {
    setError(null);
    try {
      setOn((await unwrap(api.api['verify-settings'].$put({ json: { publicVerify: next } }))).publicVerify);
    } catch (e) {
      setError(e instanceof ApiFailure ? e.message : '保存失败，请稍后重试');
    }
  }
  return (
    <div class="field-settings">
      <label class="switch-row">
        <span>允许任何人凭照片核验码查看核验页</span>
        <input type="checkbox" role="switch" disabled={on === null} checked={on ?? false} onChange={(e) => void change(e.currentTarget.checked)} />
      </label>
      <p class="meta">关闭后，只有本单位登录的用户才能核验照片。核验页只显示单位、任务、时间、照片指纹和审核结果，不显示报告正文、位置和审核意见。</p>
      {error && <p class="form-error" role="alert">{error}</p>}
    </div>
  );
}
