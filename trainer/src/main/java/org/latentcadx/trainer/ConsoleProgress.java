package org.latentcadx.trainer;

import java.io.PrintStream;
import java.util.Locale;
import org.latentcadx.trainer.train.EpochRecord;
import org.latentcadx.trainer.train.LossValues;
import org.latentcadx.trainer.train.ProgressListener;
import org.latentcadx.trainer.train.Stage;

/**
 * Training progress on the console: a progress bar redrawn in place on a terminal, plain lines
 * (about ten per epoch) otherwise, and one summary line per epoch.
 */
final class ConsoleProgress implements ProgressListener {
  private static final int BAR = 30;

  private final PrintStream out;
  private final boolean terminal;

  ConsoleProgress(PrintStream out, boolean terminal) {
    this.out = out;
    this.terminal = terminal;
  }

  @Override
  public void step(Stage stage, int epoch, int epochs, int step, int steps, LossValues loss) {
    String head = String.format(Locale.ROOT, "%s epoch %d/%d", stage, epoch, epochs);
    if (terminal) {
      int filled = BAR * step / steps;
      out.printf(
          Locale.ROOT,
          "\r%s [%s%s] %d/%d loss %.4f",
          head,
          "#".repeat(filled),
          "-".repeat(BAR - filled),
          step,
          steps,
          loss.total());
      out.flush();
    } else if (step == steps || step % Math.max(1, steps / 10) == 0) {
      out.printf(Locale.ROOT, "%s step %d/%d loss %.4f%n", head, step, steps, loss.total());
    }
  }

  @Override
  public void epoch(EpochRecord r, int epochs) {
    if (terminal) {
      out.println();
    }
    out.printf(
        Locale.ROOT,
        "%s epoch %d/%d done: train %.4f, validation %.4f (CE %.4f, inb %.4f, oob %.4f, rpn %.4f,"
            + " bce %.4f, pair %.4f), AUC %.3f, AP %.3f, latent IoU %.3f, IOP %.3f, lr %.2g, %.1f s%n",
        r.stage(),
        r.epoch(),
        epochs,
        r.train().total(),
        r.validation().total(),
        r.validation().ce(),
        r.validation().inb(),
        r.validation().oob(),
        r.validation().rpn(),
        r.validation().bce(),
        r.validation().pair(),
        r.validationAuc(),
        r.validationAp(),
        r.validationLatentIou(),
        r.validationIop(),
        r.learningRate(),
        r.seconds());
  }
}
