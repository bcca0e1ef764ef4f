declare namespace Cloudflare {
  interface Env {
    TEST_MIGRATIONS: import('cloudflare:test').D1Migration[];
    /** The seed of test/support/random.ts ('' = each caller's default). */
    TEST_SEED: string;
  }
  interface GlobalProps {
    mainModule: typeof import('../../worker/src/index');
  }
}
