/** The dashboard's stylesheet, as a module so the compiled build ships it (tsc copies no .css). */
export const STYLES = `:root {
  --fondo: #f4f6f8;
  --tarjeta: #ffffff;
  --texto: #212529;
  --suave: #6c757d;
  --borde: #dee2e6;
  --acento: #0b7285;
  font-family: system-ui, "Segoe UI", Roboto, sans-serif;
  color: var(--texto);
  background: var(--fondo);
}
body {
  margin: 0;
}
header {
  background: #0b3954;
  color: #fff;
  padding: 1rem 2rem;
}
header h1 {
  margin: 0;
  font-size: 1.5rem;
}
header p {
  margin: 0.25rem 0 0;
  opacity: 0.85;
}
main {
  padding: 1rem 2rem 2rem;
  max-width: 1400px;
  margin: 0 auto;
}
footer {
  color: var(--suave);
  font-size: 0.8rem;
  padding: 0 2rem 2rem;
  text-align: center;
}
.filtros {
  display: flex;
  flex-wrap: wrap;
  gap: 0.75rem 1.25rem;
  align-items: end;
  background: var(--tarjeta);
  padding: 0.75rem 1rem;
  border-radius: 8px;
  border: 1px solid var(--borde);
}
.filtros label {
  display: flex;
  flex-direction: column;
  font-size: 0.8rem;
  color: var(--suave);
  gap: 0.2rem;
}
.filtros input,
.filtros select {
  font: inherit;
  padding: 0.3rem 0.4rem;
  border: 1px solid var(--borde);
  border-radius: 4px;
}
.filtros button {
  font: inherit;
  padding: 0.4rem 1rem;
  background: var(--acento);
  color: #fff;
  border: 0;
  border-radius: 4px;
  cursor: pointer;
}
.filtros .limpiar {
  font-size: 0.85rem;
  color: var(--acento);
}
.aviso {
  background: #fff3bf;
  border: 1px solid #ffd43b;
  padding: 0.5rem 0.75rem;
  border-radius: 6px;
}
.aviso.hecho {
  background: #ebfbee;
  border-color: #8ce99a;
  margin: 0 0 0.5rem;
}
.kpis {
  display: grid;
  grid-template-columns: repeat(auto-fit, minmax(170px, 1fr));
  gap: 1rem;
  margin: 1rem 0;
}
.kpi {
  background: var(--tarjeta);
  border: 1px solid var(--borde);
  border-radius: 8px;
  padding: 0.75rem 1rem;
}
.kpi h3 {
  margin: 0;
  font-size: 0.85rem;
  color: var(--suave);
  font-weight: 600;
}
.kpi[data-kpi="total"] {
  grid-column: span 2;
}
.kpi .cifra {
  overflow-wrap: anywhere;
  margin: 0.3rem 0 0;
  font-size: 1.6rem;
  font-weight: 700;
  font-variant-numeric: tabular-nums;
}
.kpi small {
  color: var(--suave);
}
.kpi[data-kpi="correctivas"] .cifra {
  color: #d9480f;
}
.kpi[data-kpi="preventivas"] .cifra {
  color: #0b7285;
}
.kpi[data-kpi="revision"] .cifra {
  color: #7048e8;
}
.kpi[data-kpi="cuarentena"] .cifra {
  color: #c92a2a;
}
.graficos {
  display: grid;
  grid-template-columns: repeat(auto-fit, minmax(min(100%, 520px), 1fr));
  gap: 1rem;
}
.graficos figure {
  margin: 0;
  background: var(--tarjeta);
  border: 1px solid var(--borde);
  border-radius: 8px;
  padding: 0.75rem 1rem;
}
.graficos figcaption {
  font-weight: 600;
  margin-bottom: 0.5rem;
}
.lienzo {
  position: relative;
  height: 260px;
}
.tablas {
  display: grid;
  grid-template-columns: repeat(auto-fit, minmax(min(100%, 520px), 1fr));
  gap: 1rem;
  margin-top: 1rem;
}
.tablas article {
  background: var(--tarjeta);
  border: 1px solid var(--borde);
  border-radius: 8px;
  padding: 0.75rem 1rem;
  overflow-x: auto;
}
.tablas .ancho {
  grid-column: 1 / -1;
}
.tablas h2 {
  font-size: 1.05rem;
  margin: 0 0 0.5rem;
}
.tablas h2 small {
  font-weight: 400;
  color: var(--suave);
}
.titulo-acciones {
  display: flex;
  flex-wrap: wrap;
  align-items: baseline;
  justify-content: space-between;
  gap: 0.5rem 1rem;
  margin-bottom: 0.5rem;
}
.titulo-acciones h2 {
  margin: 0;
}
form.reprocesar {
  margin: 0;
}
form.reprocesar button {
  font: inherit;
  font-size: 0.85rem;
  padding: 0.2rem 0.7rem;
  background: var(--acento);
  color: #fff;
  border: 0;
  border-radius: 4px;
  cursor: pointer;
  white-space: nowrap;
}
#tabla-fallidos td {
  overflow-wrap: anywhere;
}
table {
  border-collapse: collapse;
  width: 100%;
  font-size: 0.9rem;
}
th,
td {
  text-align: left;
  padding: 0.35rem 0.5rem;
  border-bottom: 1px solid var(--borde);
  vertical-align: top;
}
th {
  color: var(--suave);
  font-weight: 600;
}
td.nowrap {
  white-space: nowrap;
}
td.num,
th.num {
  text-align: right;
  font-variant-numeric: tabular-nums;
  white-space: nowrap;
}
.vacio {
  color: var(--suave);
  font-style: italic;
}
.estado {
  padding: 0.05rem 0.45rem;
  border-radius: 999px;
  font-size: 0.8rem;
  background: #e9ecef;
}
.estado.processed {
  background: #d3f9d8;
}
.estado.review {
  background: #e5dbff;
}
.estado.quarantined {
  background: #ffe3e3;
}
`;
