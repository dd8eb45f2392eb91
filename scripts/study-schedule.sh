# Sourced by scripts/train-bundled-models, scripts/run-study and scripts/write-model-card: the training
# schedules (stage L2 from scratch, Adam, batches half lesion / half normal patches of 16).
# COMMON: every arm of the ablation study, 16 epochs (learning rate halved after 8).
# BUNDLED: the bundled models, the same with 32 epochs (halved after 16), chosen on the validation fold
# in the study of the wider generator ranges (onnx-models/STUDY.md).
SCHEDULE=(--preset lite --epochs-r 0 --epochs-l1 0 --batch-size 16 --lesion-fraction 0.5
          --optimizer adam --learning-rate 0.001 --seed 1 --validation-fold 0
          --augmentation paper --threads 1)
COMMON=("${SCHEDULE[@]}" --epochs-l2 16 --halve-every 8)
BUNDLED=("${SCHEDULE[@]}" --epochs-l2 32 --halve-every 16)
# FINE_TUNING: a fine-tuning round from a trained model's weights (scripts/run-hard-negative-study):
# stage L2 only, learning rate 2.5e-4 held (a quarter of the first stage's), fresh Adam.
FINE_TUNING=("${SCHEDULE[@]/0.001/0.00025}" --halve-every 1000)
