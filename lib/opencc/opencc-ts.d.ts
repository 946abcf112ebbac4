/** opencc-js's traditional → simplified character table, a plain ES module without types: `from to|from to…`. */
declare module 'opencc-js/dict/TSCharacters' {
  const dict: string;
  export default dict;
}
