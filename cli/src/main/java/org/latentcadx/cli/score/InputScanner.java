package org.latentcadx.cli.score;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.latentcadx.sdk.ImageFiles;
import org.latentcadx.sdk.LatentCadxException;
import org.latentcadx.cli.io.AtomicFiles;

/**
 * Turns the command's file and folder arguments into the sorted list of images to score.
 *
 * <p>Folders are walked recursively; there, files whose content and extension match no {@link
 * ImageFiles} reads are ignored, as are hidden files, the output folder (when it lies inside the folder),
 * files named like {@code score}'s
 * own image outputs (e.g. {@code *.overlay.png} of an earlier run elsewhere) and temporary files of
 * interrupted writes. A file named directly is always an input (and fails later if it is not an image). Keys are
 * paths relative to the deepest folder that holds every argument, so two {@code image.dcm} in different
 * folders get different keys.
 */
public final class InputScanner {

  private final Path outputFolder;

  /** A scanner that never descends into {@code outputFolder}. */
  public InputScanner(Path outputFolder) {
    this.outputFolder = outputFolder.toAbsolutePath().normalize();
  }

  /** A file argument whose format could not be recognised. */
  public record Unrecognised(Path path, String key) {}

  /** The scan's outcome: inputs sorted by key, and named files of unknown format. */
  public record Scan(List<InputFile> inputs, List<Unrecognised> unrecognised) {}

  /**
   * Scans the arguments.
   *
   * @throws IllegalArgumentException when an argument does not exist
   */
  public Scan scan(List<Path> arguments) throws IOException {
    List<Path> roots = new ArrayList<>();
    for (Path argument : arguments) {
      Path absolute = argument.toAbsolutePath().normalize();
      if (!Files.exists(absolute)) {
        throw new IllegalArgumentException("input " + argument + " does not exist");
      }
      roots.add(absolute);
    }
    Path base = commonFolder(roots);
    TreeMap<String, InputFile> inputs = new TreeMap<>();
    List<Unrecognised> unrecognised = new ArrayList<>();
    for (Path root : roots) {
      if (Files.isDirectory(root)) {
        for (Path file : filesUnder(root)) {
          formatOf(file)
              .ifPresent(format -> inputs.put(key(base, file), new InputFile(file, key(base, file), format)));
        }
      } else {
        Optional<String> format = formatOf(root);
        if (format.isPresent()) {
          inputs.put(key(base, root), new InputFile(root, key(base, root), format.get()));
        } else {
          unrecognised.add(new Unrecognised(root, key(base, root)));
        }
      }
    }
    unrecognised.sort(Comparator.comparing(Unrecognised::key));
    return new Scan(List.copyOf(inputs.values()), List.copyOf(unrecognised));
  }

  /** The format {@link ImageFiles} would read the file as, if any. */
  private static Optional<String> formatOf(Path file) throws IOException {
    try {
      return ImageFiles.format(file);
    } catch (LatentCadxException e) {
      throw new IOException(e.getMessage(), e);
    }
  }

  private List<Path> filesUnder(Path root) throws IOException {
    // An output folder inside the walked folder is skipped; when the outputs go into the walked folder
    // itself (or above it), they are told apart by their names alone.
    boolean skipOutputFolder = !root.startsWith(outputFolder);
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(path -> !(skipOutputFolder && path.startsWith(outputFolder)))
          .filter(Files::isRegularFile)
          .filter(path -> !isHidden(root.relativize(path)))
          .filter(path -> !AtomicFiles.isLeftover(path))
          .filter(path -> !OutputLayout.isOutputName(path.getFileName().toString()))
          .sorted()
          .toList();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private static boolean isHidden(Path relative) {
    for (Path part : relative) {
      if (part.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }

  private static Path commonFolder(List<Path> roots) {
    Path common = null;
    for (Path root : roots) {
      Path folder = Files.isDirectory(root) ? root : root.getParent();
      if (common == null) {
        common = folder;
      } else {
        while (!folder.startsWith(common)) {
          common = common.getParent();
        }
      }
    }
    return common;
  }

  private static String key(Path base, Path file) {
    StringBuilder key = new StringBuilder();
    for (Path part : base.relativize(file)) {
      if (key.length() > 0) {
        key.append('/');
      }
      key.append(part);
    }
    return key.toString();
  }
}
