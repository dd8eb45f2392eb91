/** Implementation: grey-level normalisation and area-averaging to the model's scale. */
package org.latentcadx.sdk.internal.preprocess;
