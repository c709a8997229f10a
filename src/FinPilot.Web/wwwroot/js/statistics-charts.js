// Draws a chart above each statistics table from the table's own rows (progressive enhancement:
// without scripts the tables are the content). Apache ECharts is served from lib/echarts.
(function () {
    'use strict';

    function draw() {
        if (typeof echarts === 'undefined') {
            return;
        }

        document.querySelectorAll('[data-chart-for]').forEach(function (holder) {
            var table = document.getElementById(holder.getAttribute('data-chart-for'));
            if (!table || holder.getAttribute('data-drawn') === 'true') {
                return;
            }

            var labels = [];
            var values = [];
            table.querySelectorAll('tbody tr').forEach(function (row) {
                labels.push(row.querySelector('th').textContent.trim());
                values.push(Number(row.querySelector('td').getAttribute('data-value')));
            });

            holder.hidden = false;
            holder.setAttribute('data-drawn', 'true');
            var chart = echarts.init(holder, null, { renderer: 'canvas' });
            var option = holder.getAttribute('data-chart-kind') === 'pie'
                ? {
                    tooltip: { trigger: 'item' },
                    series: [{ type: 'pie', radius: ['35%', '65%'], data: labels.map(function (l, i) { return { name: l, value: values[i] }; }) }]
                }
                : {
                    tooltip: { trigger: 'axis' },
                    grid: { left: 8, right: 16, top: 8, bottom: 8, containLabel: true },
                    xAxis: { type: 'value', minInterval: 1 },
                    yAxis: { type: 'category', data: labels.slice().reverse(), axisLabel: { width: 140, overflow: 'truncate' } },
                    series: [{ type: 'bar', data: values.slice().reverse() }]
                };
            chart.setOption(option);
            window.addEventListener('resize', function () { chart.resize(); });
        });
    }

    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', draw);
    } else {
        draw();
    }
})();
