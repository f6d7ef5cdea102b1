/**
 * The browser script that draws the charts from the JSON the server embedded in the page (loaded after
 * chart.umd.js). Kept as a string in a .ts module so the compiled build (tsc → dist) ships it; the headless
 * Chromium test is what checks it.
 */
export const CLIENT_SCRIPT = `// Draws the dashboard's charts from the JSON the server embedded in the page. Loaded after chart.umd.js.
(() => {
  const source = document.getElementById('datos-graficos');
  if (!source || typeof Chart === 'undefined') return;
  const data = JSON.parse(source.textContent || '{}');

  const COLORS = { correctiva: '#d9480f', preventiva: '#0b7285', revision: '#7048e8' };
  const locale = 'es-CO';
  const moneyFormat = (options) => {
    try {
      return data.currency
        ? new Intl.NumberFormat(locale, { style: 'currency', currency: data.currency, ...options })
        : new Intl.NumberFormat(locale, options);
    } catch {
      return new Intl.NumberFormat(locale, options);
    }
  };
  const full = moneyFormat({ maximumFractionDigits: 0 });
  // Axis ticks in compact form ("$ 9 M"): long figures overlap on narrow charts.
  const compact = moneyFormat({ notation: 'compact', maximumFractionDigits: 1 });
  const money = (value) => full.format(value);
  const moneyTick = (value) => compact.format(value);

  Chart.defaults.font.family = 'system-ui, "Segoe UI", Roboto, sans-serif';
  Chart.defaults.color = '#343a40';
  Chart.defaults.animation = false;
  Chart.defaults.maintainAspectRatio = false;

  const charts = [];
  const draw = (id, config) => {
    const canvas = document.getElementById(id);
    if (canvas) charts.push(new Chart(canvas, config));
  };

  draw('grafico-mensual', {
    type: 'bar',
    data: {
      labels: data.months,
      datasets: data.series.map((s) => ({ label: s.name, data: s.counts, backgroundColor: COLORS[s.key] })),
    },
    options: {
      scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } },
      plugins: { legend: { position: 'bottom' } },
    },
  });

  draw('grafico-valor', {
    type: 'line',
    data: {
      labels: data.months,
      datasets: data.series.map((s) => ({
        label: s.name,
        data: s.totals,
        borderColor: COLORS[s.key],
        backgroundColor: COLORS[s.key],
        tension: 0,
      })),
    },
    options: {
      scales: { y: { beginAtZero: true, ticks: { callback: (v) => moneyTick(v) } } },
      plugins: {
        legend: { position: 'bottom' },
        tooltip: { callbacks: { label: (ctx) => ctx.dataset.label + ': ' + money(ctx.parsed.y) } },
      },
    },
  });

  draw('grafico-proveedores', {
    type: 'bar',
    data: {
      labels: data.suppliers.map((s) => (s.name.length > 32 ? s.name.slice(0, 31) + '…' : s.name)),
      datasets: [{ label: 'Valor', data: data.suppliers.map((s) => s.total), backgroundColor: '#1c7ed6' }],
    },
    options: {
      indexAxis: 'y',
      scales: { x: { beginAtZero: true, ticks: { callback: (v) => moneyTick(v) } } },
      plugins: {
        legend: { display: false },
        tooltip: { callbacks: { label: (ctx) => money(ctx.parsed.x) } },
      },
    },
  });

  draw('grafico-clases', {
    type: 'doughnut',
    data: {
      labels: data.classes.map((c) => c.name),
      datasets: [
        {
          data: data.classes.map((c) => c.invoices),
          backgroundColor: data.classes.map((c) => COLORS[c.key]),
        },
      ],
    },
    options: { plugins: { legend: { position: 'bottom' } } },
  });

  // Lets people (and the browser test) know the charts are on screen.
  document.body.dataset.graficos = String(charts.length);
})();
`;
