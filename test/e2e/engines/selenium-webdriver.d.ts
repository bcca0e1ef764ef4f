// The few selenium-webdriver calls the WebKit driver makes (the package ships no types).
declare module 'selenium-webdriver' {
  export interface WebDriver {
    get(url: string): Promise<void>;
    navigate(): { refresh(): Promise<void> };
    executeAsyncScript(script: string, ...args: unknown[]): Promise<unknown>;
    takeScreenshot(): Promise<string>;
    manage(): {
      setTimeouts(t: { script?: number; pageLoad?: number; implicit?: number }): Promise<void>;
      window(): { setRect(r: { width: number; height: number }): Promise<void> };
    };
    quit(): Promise<void>;
  }
  export class Builder {
    usingServer(url: string): Builder;
    withCapabilities(caps: Record<string, unknown>): Builder;
    build(): Promise<WebDriver>;
  }
}
