package com.backordergateway.server.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.backordergateway.server.dashboard.NoticeLatency.DayLatency;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class DashboardChartsTest {

  private static final String HOSTILE = "<script>\"&'";
  private static final LocalDate TODAY = LocalDate.parse("2026-03-02");

  @Test
  void aConnectorsHourIsAStackedBarPerBusyMinuteWithANameInWords() throws Exception {
    String svg = DashboardCharts.deliveries(minutes("customer-email"));

    Element root = parse(svg).getDocumentElement();
    assertThat(root.getTagName()).isEqualTo("svg");
    assertThat(root.getAttribute("role")).isEqualTo("img");
    assertThat(root.getAttribute("width")).isEqualTo("100%");
    assertThat(root.getAttribute("viewBox")).isEqualTo("0 0 480 220");
    assertThat(root.getAttribute("aria-label"))
        .isEqualTo("customer-email: 12 delivered, 1 failed try, 0 dead in the last hour");
    assertThat(firstChild(root).getTagName()).isEqualTo("title");
    assertThat(firstChild(root).getTextContent()).isEqualTo(root.getAttribute("aria-label"));
    assertThat(withClass(root, "g", "minute")).as("the two minutes with moves").hasSize(2);
    assertThat(withClass(root, "rect", "bar delivered")).hasSize(2);
    assertThat(withClass(root, "rect", "bar failed-try")).hasSize(1);
    assertThat(withClass(root, "rect", "bar dead")).isEmpty();
    for (String outcome : List.of("delivered", "failed-try", "dead")) {
      assertThat(withClass(root, "rect", "key " + outcome)).as(outcome).hasSize(1);
    }
    assertThat(firstChild(withClass(root, "g", "minute").get(0)).getTextContent())
        .isEqualTo("-49 min: 2 delivered, 1 failed try, 0 dead");
    assertThat(svg).doesNotContain("style=").contains("-60 min", "now", ">10<"); // the tallest minute's 10
  }

  @Test
  void aHostileConnectorIdIsEscapedInTheChartAndItsTable() throws Exception {
    ConnectorMinutes hostile = minutes(HOSTILE);
    String svg = DashboardCharts.deliveries(hostile);
    String table = DashboardCharts.deliveriesTable(hostile, ZoneOffset.UTC);

    assertThat(svg).doesNotContain("<script");
    assertThat(parse(svg).getDocumentElement().getAttribute("aria-label")).startsWith(HOSTILE + ": 12 delivered");
    assertThat(table).doesNotContain("<script").contains("&lt;script&gt;&quot;&amp;&#39;");
    assertThat(parse(table).getElementsByTagName("caption").item(0).getTextContent()).startsWith(HOSTILE);
    assertThat(Svg.escape(HOSTILE)).isEqualTo("&lt;script&gt;&quot;&amp;&#39;");
  }

  @Test
  void theMinuteTableListsOnlyMinutesWithMoves() throws Exception {
    Document table = parse(DashboardCharts.deliveriesTable(minutes("email"), ZoneOffset.UTC));

    NodeList rows = table.getElementsByTagName("tbody").item(0).getChildNodes();
    assertThat(rows.getLength()).isEqualTo(2);
    assertThat(cells(rows.item(0))).containsExactly("14:11", "2", "1", "0");
    assertThat(cells(rows.item(1))).containsExactly("14:40", "10", "0", "0");
  }

  @Test
  void openCasesAreABarPerDayWithDatesAndAMax() throws Exception {
    List<DayCount> days = new ArrayList<>();
    for (int i = 29; i >= 0; i--) {
      days.add(new DayCount(TODAY.minusDays(i), i % 5));
    }
    String svg = DashboardCharts.openCases(days);

    Element root = parse(svg).getDocumentElement();
    assertThat(root.getAttribute("aria-label"))
        .isEqualTo("Open cases at the end of each of the last 30 days: 0 open now, at most 4 on one day");
    assertThat(withClass(root, "rect", "bar open-cases")).hasSize(30);
    assertThat(svg).contains(">Mar 2<", ">Feb 23<", ">Feb 16<", ">Feb 9<", ">Feb 2<", ">4<");
    Document table = parse(DashboardCharts.openCasesTable(days));
    assertThat(table.getElementsByTagName("tr").getLength()).isEqualTo(31);
  }

  @Test
  void noticeLatencyIsTwoLinesWithUnitsThatRead() throws Exception {
    List<DayLatency> days = new ArrayList<>();
    for (int i = 29; i >= 0; i--) {
      days.add(i % 10 == 3 ? new DayLatency(TODAY.minusDays(i), null, null, 0)
          : new DayLatency(TODAY.minusDays(i), Duration.ofSeconds(40 + i), Duration.ofMinutes(5), 4));
    }
    NoticeLatency latency = new NoticeLatency(days, Duration.ofSeconds(45), Duration.ofMinutes(3), 12);
    String svg = DashboardCharts.noticeLatency(latency);

    Element root = parse(svg).getDocumentElement();
    assertThat(root.getAttribute("aria-label")).isEqualTo(
        "First customer notice after an event, last 24 hours: median 45 s, 95th percentile 3 min, 12 events");
    assertThat(withClass(root, "circle", "point p50")).hasSize(27);
    assertThat(withClass(root, "polyline", "line p95")).as("broken where a day has no samples").hasSize(4);
    assertThat(svg).contains(">5 min<", ">2.5 min<");
    Document table = parse(DashboardCharts.noticeLatencyTable(latency));
    assertThat(table.getElementsByTagName("tr").getLength()).isEqualTo(1 + 1 + 27);
    assertThat(table.getElementsByTagName("td").item(1).getTextContent()).isEqualTo("45 s");
  }

  @Test
  void noSamplesSaySoInWords() throws Exception {
    List<DayLatency> days = new ArrayList<>();
    for (int i = 29; i >= 0; i--) {
      days.add(new DayLatency(TODAY.minusDays(i), null, null, 0));
    }
    String svg = DashboardCharts.noticeLatency(new NoticeLatency(days, null, null, 0));
    Element root = parse(svg).getDocumentElement();

    assertThat(root.getAttribute("aria-label"))
        .isEqualTo("No customer notice reached the platform for an event of the last 24 hours");
    assertThat(root.getElementsByTagName("polyline").getLength()).isZero();
  }

  /** 12 delivered and a failed try: 2 delivered and the failed try at 14:11, 10 delivered at 14:40. */
  private static ConnectorMinutes minutes(String connector) {
    ConnectorMinutes m = new ConnectorMinutes(connector, Instant.parse("2026-03-02T14:01:00Z"),
        new int[60], new int[60], new int[60]);
    m.delivered()[10] = 2;
    m.failedTries()[10] = 1;
    m.delivered()[39] = 10;
    return m;
  }

  private static Document parse(String xml) throws Exception {
    return DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  private static List<String> cells(org.w3c.dom.Node row) {
    List<String> cells = new ArrayList<>();
    for (int i = 0; i < row.getChildNodes().getLength(); i++) {
      cells.add(row.getChildNodes().item(i).getTextContent());
    }
    return cells;
  }

  private static Element firstChild(Element e) {
    return (Element) e.getElementsByTagName("*").item(0);
  }

  private static List<Element> withClass(Element root, String tag, String cssClass) {
    NodeList all = root.getElementsByTagName(tag);
    List<Element> found = new ArrayList<>();
    for (int i = 0; i < all.getLength(); i++) {
      Element e = (Element) all.item(i);
      if (e.getAttribute("class").equals(cssClass)) {
        found.add(e);
      }
    }
    return found;
  }
}
