// libqp ships no types; these are the two functions net uses.
declare module 'libqp' {
  const libqp: {
    /** Quoted-printable text (a Buffer is read byte for byte) to the bytes it stands for. */
    decode(input: string | Buffer): Buffer;
    encode(input: string | Buffer): string;
  };
  export default libqp;
}
