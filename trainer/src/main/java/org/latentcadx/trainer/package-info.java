/**
 * The LatentCADx trainer's commands: {@code TrainCommand} (staged training under the weakly supervised
 * loss, then ONNX export) and {@code EvaluateCommand}; data sets are built by {@code
 * data.BuildDatasetCommand} and studies run by {@code eval.StudyCommand} and {@code
 * eval.ImageStudyCommand}.
 */
package org.latentcadx.trainer;
