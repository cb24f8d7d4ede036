package dev.flowlab.lab.experiment;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** PNG plots with JFreeChart, drawn headless. */
public final class Plots {
    public static final int WIDTH = 1000;
    public static final int HEIGHT = 500;

    private Plots() {
    }

    /** Writes the plots into {@code dir} and returns their file names, in report order. */
    static List<String> write(ExperimentResult r, Path dir) throws IOException {
        System.setProperty("java.awt.headless", "true");  // no display needed, before any AWT class loads
        List<String> files = new ArrayList<>();
        for (ModeResult m : r.modes()) {
            String name = "rtt-" + m.label().replaceAll("[^A-Za-z0-9]+", "-") + ".png";
            ChartUtils.saveChartAsPNG(dir.resolve(name).toFile(), rttChart(m), WIDTH, HEIGHT);
            files.add(name);
        }
        ChartUtils.saveChartAsPNG(dir.resolve("summary.png").toFile(), timesChart(r), WIDTH, HEIGHT);
        files.add("summary.png");
        ChartUtils.saveChartAsPNG(dir.resolve("delivery.png").toFile(), deliveryChart(r), WIDTH, HEIGHT);
        files.add("delivery.png");
        return files;
    }

    /** RTT of both probes against time since the stop; lost requests as crosses on the axis; the outage shaded. */
    static JFreeChart rttChart(ModeResult m) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (ModeResult.PairRun pair : List.of(m.established(), m.fresh())) {
            XYSeries rtt = new XYSeries(pair.label() + " RTT", false, true);
            XYSeries lost = new XYSeries(pair.label() + " no reply", false, true);
            for (ProbeSample s : pair.samples()) {
                double t = s.sentAt() - m.controllerDown();
                if (s.replied()) {
                    rtt.add(t, s.rttMs());
                } else {
                    lost.add(t, 0);
                }
            }
            data.addSeries(rtt);
            data.addSeries(lost);
        }
        JFreeChart chart = ChartFactory.createXYLineChart("RTT over time, " + (m.label().equals(m.mode())
                        ? "fail_mode=" + m.mode() : m.label()),
                "seconds since the controller stopped", "RTT (ms)", data, PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer();
        Color[] colors = {new Color(0x1f77b4), new Color(0x1f77b4), new Color(0xd62728), new Color(0xd62728)};
        for (int i = 0; i < 4; i++) {
            boolean lost = i % 2 == 1;
            renderer.setSeriesPaint(i, colors[i]);
            renderer.setSeriesLinesVisible(i, !lost);
            renderer.setSeriesStroke(i, new BasicStroke(1f));
            renderer.setSeriesShape(i, lost ? new Rectangle2D.Double(-3, -3, 6, 6) : new Ellipse2D.Double(-1.5, -1.5, 3, 3));
        }
        plot.setRenderer(renderer);
        IntervalMarker down = new IntervalMarker(0, m.controllerUp() - m.controllerDown());
        down.setPaint(new Color(255, 200, 0, 70));
        down.setLabel("controller down");
        plot.addDomainMarker(down, Layer.BACKGROUND);
        return chart;
    }

    /** The time-like summary numbers, per mode. */
    static JFreeChart timesChart(ExperimentResult r) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (ModeResult m : r.modes()) {
            PairSummary fresh = m.fresh().summary();
            data.addValue(fresh.firstReplyAfterDown() == null ? 0 : fresh.firstReplyAfterDown(), m.label(),
                    "fresh pair: first reply after stop (0 = none)");
            data.addValue(m.established().summary().longestGapDown(), m.label(), "established pair: longest gap while down");
            data.addValue(m.reconnect(), m.label(), "switches reconnected after restart");
            data.addValue(fresh.workingAfterUp() == null ? 0 : fresh.workingAfterUp(), m.label(),
                    "fresh pair working after restart");
        }
        return bars("Timings (s)", "seconds", data);
    }

    /** Share of echo requests answered while the controller was down, per pair and mode. */
    static JFreeChart deliveryChart(ExperimentResult r) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (ModeResult m : r.modes()) {
            data.addValue(m.established().summary().deliveredDownPercent(), m.label(), "established " + m.established().label());
            data.addValue(m.fresh().summary().deliveredDownPercent(), m.label(), "fresh " + m.fresh().label());
            data.addValue(100 - m.pingallDown().lossPercent(), m.label(), "pingall just before restart");
        }
        return bars("Delivered while the controller was down (%)", "percent", data);
    }

    private static JFreeChart bars(String title, String unit, DefaultCategoryDataset data) {
        JFreeChart chart = ChartFactory.createBarChart(title, null, unit, data, PlotOrientation.VERTICAL, true, false, false);
        chart.getCategoryPlot().setBackgroundPaint(Color.WHITE);
        chart.getCategoryPlot().setRangeGridlinePaint(Color.LIGHT_GRAY);
        chart.getCategoryPlot().getDomainAxis().setMaximumCategoryLabelLines(3);  // long labels wrap instead of "..."
        return chart;
    }
}
