/** The review screen's stylesheet: two columns from 1024 px wide (page | form), one column on a tablet. */
export const REVIEW_STYLES = `:root {
  --fondo: #f4f6f8;
  --tarjeta: #fff;
  --texto: #212529;
  --suave: #6c757d;
  --borde: #dee2e6;
  --acento: #0b7285;
  --dudoso: #e67700;
  --error: #c92a2a;
  font-family: system-ui, "Segoe UI", Roboto, sans-serif;
  font-size: 14px;
  color: var(--texto);
  background: var(--fondo);
}
* { box-sizing: border-box; }
body { margin: 0; }
.barra {
  display: flex; flex-wrap: wrap; align-items: center; gap: 0.25rem 1.5rem;
  background: #0b3954; color: #fff; padding: 0.45rem 1rem;
}
.barra a { color: #fff; }
.marca { font-weight: 600; font-size: 1.1rem; text-decoration: none; }
.cuentas { display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; list-style: none; margin: 0; padding: 0; }
.cuentas b { background: rgba(255,255,255,0.18); border-radius: 10px; padding: 0 0.5rem; }
.barra nav { margin-left: auto; display: flex; gap: 1rem; }
kbd { border: 1px solid var(--borde); border-bottom-width: 2px; border-radius: 3px; padding: 0 0.3rem; font-size: 0.8em; background: #fff; color: var(--texto); }
.cola { padding: 1rem; max-width: 1300px; margin: 0 auto; }
table { border-collapse: collapse; width: 100%; background: var(--tarjeta); }
th, td { text-align: left; padding: 0.35rem 0.5rem; border-bottom: 1px solid var(--borde); vertical-align: top; }
th { font-size: 0.8rem; color: var(--suave); font-weight: 600; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
.nowrap { white-space: nowrap; }
.motivo { display: inline-block; border-radius: 10px; padding: 0 0.5rem; font-size: 0.8rem; background: #e7f5ff; }
.motivo-review { background: #fff3bf; }
.motivo-validation { background: #ffe3e3; }
.vacio, .ayuda { color: var(--suave); }
.aviso { background: #fff3bf; border: 1px solid #ffd43b; padding: 0.4rem 0.6rem; border-radius: 4px; margin: 0.4rem 0; }
.aviso.ok { background: #d3f9d8; border-color: #8ce99a; }
.aviso.grave { background: #ffe3e3; border-color: #ffa8a8; }
.documento {
  display: grid; grid-template-columns: minmax(0, 1.15fr) minmax(0, 1fr); gap: 0.75rem;
  height: calc(100vh - 2.6rem); padding: 0.5rem 0.75rem;
}
.paginas { overflow: auto; background: #868e96; border-radius: 6px; padding: 0.5rem; }
.pagina { position: relative; margin: 0 auto 0.5rem; max-width: 100%; background: #fff; box-shadow: 0 1px 4px rgba(0,0,0,0.3); }
.pagina img { display: block; width: 100%; height: auto; }
.cajas { position: absolute; inset: 0; width: 100%; height: 100%; pointer-events: none; }
.caja { fill: rgba(11, 114, 133, 0.12); stroke: var(--acento); stroke-width: 1.2; }
.caja.dudosa { fill: rgba(230, 119, 0, 0.15); stroke: var(--dudoso); }
.caja.activa { fill: rgba(250, 176, 5, 0.35); stroke: #e67700; stroke-width: 2.5; }
.datos { overflow: auto; background: var(--tarjeta); border: 1px solid var(--borde); border-radius: 6px; padding: 0.5rem 0.75rem 1rem; }
.cabecera-doc { display: flex; flex-wrap: wrap; justify-content: space-between; align-items: baseline; gap: 0.5rem; }
.cabecera-doc h1 { font-size: 1rem; margin: 0.2rem 0; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; max-width: 100%; }
.navegacion { margin: 0; display: flex; gap: 0.75rem; font-size: 0.85rem; }
.navegacion .off { color: var(--suave); }
.motivos { display: flex; flex-wrap: wrap; gap: 0.3rem; list-style: none; padding: 0; margin: 0.3rem 0; }
.motivos li { background: #fff3bf; border-radius: 10px; padding: 0 0.5rem; font-size: 0.85rem; }
fieldset { border: 1px solid var(--borde); border-radius: 6px; margin: 0.5rem 0; padding: 0.4rem 0.6rem; }
legend { font-weight: 600; padding: 0 0.3rem; }
.campos { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 0.3rem 0.75rem; }
.campo { position: relative; display: grid; grid-template-columns: 1fr auto; align-items: center; gap: 0.1rem 0.4rem; }
.campo label { grid-column: 1 / -1; font-size: 0.8rem; color: var(--suave); }
.campo input, .campo select { font: inherit; padding: 0.3rem 0.4rem; border: 1px solid var(--borde); border-radius: 4px; width: 100%; min-width: 0; }
.campo.dudoso input, .campo.dudoso select { border-color: var(--dudoso); background: #fff9db; }
.marca-dudoso { color: var(--dudoso); font-weight: 600; }
.confianza { font-size: 0.75rem; color: var(--suave); }
.dudoso > .confianza, .dudoso .confianza { color: var(--dudoso); }
.con-error input { border-color: var(--error); background: #fff5f5; }
.error { color: var(--error); margin: 0; font-size: 0.8rem; grid-column: 1 / -1; }
input:focus, select:focus, button:focus { outline: 3px solid #74c0fc; outline-offset: 0; }
.tabla-lineas { overflow-x: auto; }
.tabla-lineas table { width: max-content; min-width: 100%; }
.lineas input { font: inherit; width: 5.5rem; padding: 0.2rem 0.3rem; border: 1px solid var(--borde); border-radius: 3px; }
.lineas td { padding: 0.15rem; }
.lineas input.num { width: 6.5rem; }
.lineas input.desc { width: 12rem; }
.lineas tr.dudosa { background: #fff9db; }
.lineas td.dudoso input { border-color: var(--dudoso); background: #fff3bf; }
.lineas td.marca { white-space: nowrap; font-size: 0.85em; }
.probabilidad { margin: 0.3rem 0; }
.palabras { display: flex; flex-wrap: wrap; gap: 0.25rem; list-style: none; padding: 0; margin: 0.2rem 0; }
.palabras li { border-radius: 10px; padding: 0 0.45rem; font-size: 0.8rem; }
.palabras .a-favor { background: #d3f9d8; }
.palabras .en-contra { background: #ffe3e3; }
.acciones { position: sticky; bottom: -1rem; background: var(--tarjeta); padding: 0.5rem 0; border-top: 1px solid var(--borde); }
button { font: inherit; padding: 0.4rem 0.9rem; border: 1px solid var(--borde); border-radius: 4px; background: #f8f9fa; cursor: pointer; }
button.principal { background: var(--acento); border-color: var(--acento); color: #fff; font-weight: 600; }
.otras-acciones { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; align-items: end; margin-top: 0.5rem; }
.cuarentena { display: flex; gap: 0.4rem; align-items: end; flex-wrap: wrap; }
.cuarentena label { display: flex; flex-direction: column; font-size: 0.8rem; color: var(--suave); }
.cuarentena input { font: inherit; padding: 0.3rem; border: 1px solid var(--borde); border-radius: 4px; }
details { margin: 0.4rem 0; }
@media (max-width: 1023px) {
  .documento { grid-template-columns: 1fr; height: auto; }
  .paginas { max-height: 60vh; }
  .datos { overflow: visible; }
}
@media (max-width: 560px) {
  .campos { grid-template-columns: 1fr; }
  .barra nav { margin-left: 0; }
}
`;
