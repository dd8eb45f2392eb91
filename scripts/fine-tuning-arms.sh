# Sourced by scripts/run-round18-study and run-round19-study after study-schedule.sh, with OUT (the
# round's folder), CP (the trainer's class path) and WORK (the work folder with both validation sets'
# images) set: how those rounds mine hard negatives, train, fine-tune and probe their arms.
BUNDLED_MODEL=onnx-models/src/main/resources/org/latentcadx/models/latentcadx-lite.onnx
# mine_hard_negatives THRESHOLD OUTPUT: the bundled model's marks at >= THRESHOLD of its smoothed map on
# the training patients' whole images of WORK/store (fold 0 skipped; at most 4 per image, windows clear
# of every outline), added as normal patches to a copy of that store, OUTPUT (log OUT/mine.log), unless built.
mine_hard_negatives() {
  [ -f "$2/index.json" ] && return
  java -cp "$CP" org.latentcadx.trainer.data.MineHardNegativesCommand --store "$WORK/store" \
    --cbis-root "$WORK/store-images" --model "$BUNDLED_MODEL" --threshold "$1" --per-image 4 \
    --validation-fold 0 --output "$2" > "$OUT/mine.log"
}
# train NAME STORE [OPTION VALUE]...: the bundled recipe (BUNDLED) with these options (replaced or
# added), in OUT/NAME, exported with the bundled map smoothing; resumes an interrupted run.
train() {
  local name=$1 store=$2 args
  shift 2
  mapfile -t args < <(bundled_with "$@")
  mkdir -p "$OUT/$name"
  java -cp "$CP" org.latentcadx.trainer.TrainCommand --store "$store" --output "$OUT/$name" "${args[@]}" \
    --map-smoothing "$BUNDLED_MAP_SMOOTHING" --resume --model-name "$name" >> "$OUT/$name/train.log" 2>&1
}
# fine_tune NAME STORE SEED BASE_CHECKPOINT: round 18's fine-tuning of the bundled network from
# BASE_CHECKPOINT on STORE: Adam's learning rate 2.5e-4 held, fresh optimiser, 10 epochs of 84 batches.
fine_tune() {
  train "$1" "$2" --learning-rate 0.00025 --halve-every 1000 --epochs-l2 10 --seed "$3" \
    --initial-weights "$4"
}
# probe ARM: OUT/ARM/ARM.onnx on both validation sets with sigma 16 (OUT/SET-ARM/scores-ARM-sigma-16.csv)
# and on the samples' subtle mass (OUT/sample-mass-ARM.md).
probe() {
  local arm=$1 set images
  for set in validation2 validation; do
    images="$WORK/validation2-store-images"
    [ "$set" = validation ] && images="$WORK/store-images"
    scripts/probe-map-smoothing "$images" "onnx-models/study/round7/$set-scores-lite-deep-seed-1.csv" \
      "$OUT/$arm/$arm.onnx" 16 "$OUT/$set-$arm"
  done
  scripts/probe-sample-mass "$OUT/$arm/$arm.onnx" > "$OUT/sample-mass-$arm.md"
}
