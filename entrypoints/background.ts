export default defineBackground(() => {
  // Filled in by later work: settings, Dexie, typed messages.
});
