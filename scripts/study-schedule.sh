# Sourced by scripts/train-bundled-models and scripts/run-study: the schedule every arm of the study
# shares (stage L2 from scratch, Adam, half-lesion batches, 16 epochs of 78 steps of 16 patches).
COMMON=(--preset lite --epochs-r 0 --epochs-l1 0 --epochs-l2 16 --batch-size 16 --lesion-fraction 0.5
        --optimizer adam --learning-rate 0.001 --halve-every 8 --seed 1 --validation-fold 0
        --augmentation paper --threads 1)
