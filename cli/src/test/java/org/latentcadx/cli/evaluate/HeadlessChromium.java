package org.latentcadx.cli.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.latentcadx.sdk.testing.Oracles;
import org.latentcadx.sdk.testing.Processes;

/**
 * Opens an HTML report in headless Chromium (Debian's {@code chromium}) and says what a reader's browser
 * would show: how many images the page has, which failed to load, and the script errors and
 * {@code console.error} messages. A probe script is added to a copy of the page; the page itself is
 * not changed.
 */
final class HeadlessChromium {

  /** What the page did in the browser. */
  record PageCheck(int images, String brokenImages, String errors) {}

  private static final String PROBE = "<script>(function(){var errs=[];"
      + "window.addEventListener('error',function(e){errs.push(e.message||('failed to load '+(e.target&&e.target.src)));},true);"
      + "var ce=console.error;console.error=function(){errs.push([].join.call(arguments,' '));ce.apply(console,arguments);};"
      + "window.addEventListener('load',function(){var imgs=[].slice.call(document.images);"
      + "var broken=imgs.filter(function(i){return !i.complete||i.naturalWidth===0;}).map(function(i){return i.getAttribute('src');});"
      + "document.body.setAttribute('data-images',imgs.length);document.body.setAttribute('data-broken',broken.join(','));"
      + "document.body.setAttribute('data-errors',errs.join(' | '));});})();</script>";
  private static final Pattern BODY =
      Pattern.compile("<body data-images=\"(\\d+)\" data-broken=\"([^\"]*)\" data-errors=\"([^\"]*)\">");

  private HeadlessChromium() {}

  static PageCheck check(Path html) throws Exception {
    Oracles.requireTool("chromium");
    Path probe = html.resolveSibling(".browser-check.html");
    Files.writeString(probe, Files.readString(html).replace("</body>", PROBE + "</body>"));
    try {
      Processes.Result dump = Processes.run(Duration.ofMinutes(2), List.of("chromium", "--headless", "--no-sandbox",
          "--disable-gpu", "--virtual-time-budget=5000", "--dump-dom", probe.toUri().toString()));
      Matcher body = BODY.matcher(dump.output());
      assertThat(body.find()).as("the probe ran; chromium printed:\n" + dump.output()).isTrue();
      return new PageCheck(Integer.parseInt(body.group(1)), body.group(2), body.group(3));
    } finally {
      Files.deleteIfExists(probe);
    }
  }

  /** A screenshot of the page, {@code width} × {@code height} CSS pixels. */
  static void screenshot(Path html, Path png, int width, int height) throws Exception {
    Oracles.requireTool("chromium");
    Processes.Result shot = Processes.run(Duration.ofMinutes(2), List.of("chromium", "--headless", "--no-sandbox",
        "--disable-gpu", "--hide-scrollbars", "--window-size=" + width + "," + height,
        "--screenshot=" + png, html.toUri().toString()));
    assertThat(png).as(shot.output()).isRegularFile();
  }
}
