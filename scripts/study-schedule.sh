# Sourced by scripts/train-bundled-models, the study scripts and scripts/write-model-card: the training
# schedules (stage L2 from scratch, Adam, batches half lesion / half normal patches of 16), and the
# helpers that build and merge their synthetic patch stores (at the end).
# COMMON: every arm of the ablation study (rounds 1 and 2), 16 epochs (learning rate halved after 8),
# the paper's augmentation.
# BUNDLED_PAPER: round 2's bundled models, the same with 32 epochs (halved after 16), chosen on the
# validation fold in the study of the wider generator ranges (onnx-models/STUDY.md); rounds 3 and 4
# start from it.
# BUNDLED_LITE: the bundled models of rounds 4 to 7: BUNDLED_PAPER with the dihedral augmentation (exact
# orientations and crop, no noise), with which no seed of four fails, keeping 84 batches per epoch
# (onnx-models/STUDY.md, round 4); since round 5 on a training store of 840 patients (720 more than the
# store's 120; scripts/train-bundled-models).
# BUNDLED: the bundled models since round 8: BUNDLED_LITE with the lite-deep network, chosen on the
# validation sets in round 7.
SCHEDULE=(--preset lite --epochs-r 0 --epochs-l1 0 --batch-size 16 --lesion-fraction 0.5
          --optimizer adam --learning-rate 0.001 --seed 1 --validation-fold 0
          --augmentation paper --threads 1)
COMMON=("${SCHEDULE[@]}" --epochs-l2 16 --halve-every 8)
BUNDLED_PAPER=("${SCHEDULE[@]}" --epochs-l2 32 --halve-every 16)
BUNDLED_LITE=("${BUNDLED_PAPER[@]/paper/dihedral}" --batches-per-epoch 84)
BUNDLED=("${BUNDLED_LITE[@]/#lite/lite-deep}")
# BUNDLED_MAP_SMOOTHING: the map smoothing (Gaussian sigma, map pixels) the bundled models carry since
# round 15 (latentcadx.map_smoothing_sigma; their thresholds are chosen with it); not part of BUNDLED, so
# the study arms trained with BUNDLED keep unsmoothed maps unless a study asks.
BUNDLED_MAP_SMOOTHING=16
# FINE_TUNING: a fine-tuning round from the bundled model's weights (scripts/run-hard-negative-study),
# so on its network: stage L2 only, learning rate 2.5e-4 held (a quarter of the first stage's), fresh Adam.
FINE_TUNING=("${SCHEDULE[@]/0.001/0.00025}" --halve-every 1000)
FINE_TUNING=("${FINE_TUNING[@]/#lite/lite-deep}")
# with_option OPTION VALUE WORD...: prints the words one per line with OPTION's value replaced by VALUE,
# e.g. mapfile -t ARGS < <(with_option --seed 2 "${BUNDLED[@]}").
with_option() {
  local option=$1 value=$2 previous=""
  shift 2
  for word in "$@"; do
    if [ "$previous" = "$option" ]; then printf '%s\n' "$value"; else printf '%s\n' "$word"; fi
    previous=$word
  done
}
# build_store STORE PATIENTS SEED [OPTIONS...]: PATIENTS synthetic patients from generator seed SEED as
# the patch store STORE (their whole images in STORE-images, the log in STORE.log), unless STORE is
# already built. Runs the trainer on the class path in CP, as if on one core: stores are built two at
# a time, and the FFT library's own threads only contend then (same data, about 10 % faster).
build_store() {
  local store=$1 patients=$2 seed=$3
  shift 3
  if [ ! -f "$store/index.json" ]; then
    java -XX:ActiveProcessorCount=1 -cp "$CP" org.latentcadx.trainer.data.BuildDatasetCommand \
      --cbis-root "$store-images" --synthetic-patients "$patients" --seed "$seed" --store "$store" "$@" \
      > "$store.log"
  fi
}
# merge_stores OUTPUT STORE ADDED...: STORE's patients with their folds (fold 0 validates) and the ADDED
# stores' patients in the training folds, as the patch store OUTPUT (log in OUTPUT.log), unless built.
merge_stores() {
  local output=$1 store=$2
  shift 2
  if [ ! -f "$output/index.json" ]; then
    java -cp "$CP" org.latentcadx.trainer.data.MergeStoresCommand --store "$store" --add "$@" \
      --validation-fold 0 --output "$output" > "$output.log"
  fi
}
# build_training_store WORK [--with-test-stores]: the bundled models' training store WORK/training-store:
# WORK/store (120 patients of generator seed 11, fold 0 validates) and 720 more training patients
# (WORK/extra14, 15, 17, 18: 180 each), merged (onnx-models/STUDY.md, rounds 4 and 5); with
# --with-test-stores also the test patients WORK/test-store (80, seed 12) and the shifted test set
# WORK/shifted-store (80, seed 13, outside the default ranges). Missing stores are built on two queues
# of about equal size, one per core.
build_training_store() {
  local work=$1 with_tests=${2:-} first second
  { build_store "$work/store" 120 11 && build_store "$work/extra14" 180 14 &&
    build_store "$work/extra15" 180 15; } &
  first=$!
  { if [ "$with_tests" = --with-test-stores ]; then
      build_store "$work/test-store" 80 12 &&
        build_store "$work/shifted-store" 80 13 --outside-default-ranges
    fi && build_store "$work/extra17" 180 17 && build_store "$work/extra18" 180 18; } &
  second=$!
  wait "$first"
  wait "$second"
  merge_stores "$work/training-store" "$work/store" "$work/extra14" "$work/extra15" "$work/extra17" \
    "$work/extra18"
}
# image_study SET OUTPUT NAME=MODEL...: ImageStudyCommand with these arms on a validation set's whole
# images (SET validation: fold 0 of WORK/store; validation2: WORK/validation2-store, round 5's second
# validation set) into the folder OUTPUT (log OUTPUT.log), unless done. Uses WORK and CP.
image_study() {
  local set=$1 output=$2 images=(--cbis-root "$WORK/validation2-store-images")
  shift 2
  [ -f "$output/images.md" ] && return
  if [ "$set" = validation ]; then
    images=(--cbis-root "$WORK/store-images" --fold-store "$WORK/store" --fold 0)
  fi
  java -cp "$CP" org.latentcadx.trainer.eval.ImageStudyCommand "${images[@]}" --lesion-images 1000 \
    --normal-images 1000 --arm "$@" --output "$output" > "$output.log"
}
# bundled_with [OPTION VALUE]...: BUNDLED's words, one per line, each OPTION's value replaced by VALUE
# (the pair added where BUNDLED lacks OPTION), e.g. mapfile -t ARGS < <(bundled_with --seed 2 --epochs-l2 10).
bundled_with() {
  local args
  args=("${BUNDLED[@]}")
  while [ $# -gt 0 ]; do
    if printf '%s\n' "${args[@]}" | grep -qxe "$1"; then
      mapfile -t args < <(with_option "$1" "$2" "${args[@]}")
    else
      args+=("$1" "$2")
    fi
    shift 2
  done
  printf '%s\n' "${args[@]}"
}
# train_and_study OUT NAME SEED [OPTION VALUE]...: the bundled recipe (BUNDLED) with that seed and those
# options (each replacing BUNDLED's value, or added) trained on TRAINING_STORE (default
# WORK/training-store) into OUT/NAME (resumed when rerun), then the model on both validation sets
# (image_study into OUT/validation-NAME and OUT/validation2-NAME). Uses WORK and CP.
train_and_study() {
  local out=$1 name=$2 seed=$3 args set
  shift 3
  mapfile -t args < <(bundled_with --seed "$seed" "$@")
  mkdir -p "$out/$name"
  java -cp "$CP" org.latentcadx.trainer.TrainCommand --store "${TRAINING_STORE:-$WORK/training-store}" \
    --output "$out/$name" "${args[@]}" --resume --model-name "$name" >> "$out/$name/train.log" 2>&1
  for set in validation validation2; do
    image_study "$set" "$out/$set-$name" "$name=$out/$name/$name.onnx"
  done
}
# compare_with_lite_deep OUT ARM SUFFIX SEED...: paired, patient-level bootstrap tables of ARM's runs of
# those seeds (OUT/validation*-ARM-seed-N, from train_and_study) against lite-deep's of the same seeds
# (round 7's committed per-image scores, or OUT/validation*-lite-deep-seed-N where round 7 has none),
# seed by seed and their mean (scripts/compare-image-arms; OUT/validation-paired SUFFIX .md and
# OUT/validation2-paired SUFFIX .md), and the second validation set by lesion type and subtlety
# (scripts/image-scores-by-lesion; OUT/validation2-by-lesion SUFFIX .md). Uses WORK.
compare_with_lite_deep() {
  local out=$1 arm=$2 suffix=$3 set seed base
  shift 3
  for set in validation validation2; do
    local baseline=() candidate=()
    for seed in "$@"; do
      base="onnx-models/study/round7/$set-scores-lite-deep-seed-$seed.csv"
      [ -f "$base" ] || base="$out/$set-lite-deep-seed-$seed/scores-lite-deep-seed-$seed.csv"
      baseline+=("$base")
      candidate+=("$out/$set-$arm-seed-$seed/scores-$arm-seed-$seed.csv")
    done
    scripts/compare-image-arms lite-deep "$(IFS=,; echo "${baseline[*]}")" \
      "$arm" "$(IFS=,; echo "${candidate[*]}")" > "$out/$set-paired$suffix.md"
  done
  scripts/image-scores-by-lesion "$WORK/validation2-store-images" "${baseline[@]}" "${candidate[@]}" \
    > "$out/validation2-by-lesion$suffix.md"
}
# preset_against_lite_deep OUT PRESET: a round of network PRESET against lite-deep (rounds 11-13): the
# data sets it needs (built when missing), then the bundled recipe with --preset PRESET, seeds 1 and 2
# side by side into OUT/PRESET-seed-N (train_and_study), then compare_with_lite_deep. Uses WORK; sets CP.
preset_against_lite_deep() {
  local out=$1 preset=$2 first second
  scripts/private-trainer-classpath "$out"
  CP="$(cat "$out/run-classpath.txt")"
  build_training_store "$WORK"
  build_store "$WORK/validation2-store" 120 16
  train_and_study "$out" "$preset-seed-1" 1 --preset "$preset" &
  first=$!
  train_and_study "$out" "$preset-seed-2" 2 --preset "$preset" &
  second=$!
  wait "$first" && wait "$second"
  compare_with_lite_deep "$out" "$preset" "" 1 2
}
