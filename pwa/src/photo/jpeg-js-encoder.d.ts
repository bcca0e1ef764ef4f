// jpeg-js's encoder alone (its index also pulls in the decoder, which the app never needs).
declare module 'jpeg-js/lib/encoder.js' {
  const encode: (img: { data: ArrayLike<number>; width: number; height: number }, quality?: number) => { data: ArrayLike<number>; width: number; height: number };
  export default encode;
}
