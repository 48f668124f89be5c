// `@floe/core/internal`: what sibling Floe packages (the Node, browser and edge adapters) and the
// test suites need from core beyond its public index. Not a stable API: the adapters pin core to
// the exact same version, and nothing here is documented for apps.
export {};
