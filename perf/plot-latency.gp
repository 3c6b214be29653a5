# Draws rate against p99 INVITE->200 latency, Switchboard beside the SIPp UAS baseline, from a
# results.csv of perf/load.sh. Debian package gnuplot (or gnuplot-nox):
#   gnuplot -e "results='perf/figures/2026-11-30/results.csv'; out='docs/perf-latency.png'" perf/plot-latency.gp
if (!exists("results")) results = 'results.csv'
if (!exists("out")) out = 'docs/perf-latency.png'
set datafile separator ','
set terminal pngcairo size 800,480 noenhanced font ',10'
set output out
set title 'INVITE to 200, 99th percentile (SIPp client, same run)'
set xlabel 'offered calls per second'
set ylabel 'p99 INVITE to 200 (ms)'
set key top left
set grid
set yrange [0:*]
# columns: 2 target, 3 rate, 13 p99_ms (see perf/summarize.py COLUMNS); each series is one target's rows,
# kept apart with grep so that gnuplot joins its points
plot '< grep ",switchboard," '.results using 3:13 with linespoints lw 2 pt 7 title 'Switchboard (WildFly)', \
     '< grep ",baseline," '.results using 3:13 with linespoints lw 2 pt 5 title 'baseline: SIPp UAS'
