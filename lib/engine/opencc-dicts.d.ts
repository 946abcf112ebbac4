/** opencc-js ships its dictionaries as plain ES modules without types: one string, `from to|from to…`. */
declare module 'opencc-js/dict/STCharacters' {
  const dict: string;
  export default dict;
}
declare module 'opencc-js/dict/TWVariants' {
  const dict: string;
  export default dict;
}
declare module 'opencc-js/dict/HKVariants' {
  const dict: string;
  export default dict;
}
