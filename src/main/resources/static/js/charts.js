// Draws every element with a data-chart attribute (an ECharts option as JSON, built by the server) — no inline
// script, so the Content-Security-Policy stays 'self'.
document.addEventListener('DOMContentLoaded', function () {
  if (typeof echarts === 'undefined') {
    return;
  }
  document.querySelectorAll('[data-chart]').forEach(function (el) {
    var chart = echarts.init(el, null, { renderer: 'svg' });
    chart.setOption(JSON.parse(el.getAttribute('data-chart')));
    el.setAttribute('data-chart-ready', 'true');
    window.addEventListener('resize', function () { chart.resize(); });
  });
});
