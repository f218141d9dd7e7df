// crxjs: importing a script with `?script` gives the path of its built file (for scripting APIs).
declare module '*?script' {
  const fileName: string;
  export default fileName;
}
