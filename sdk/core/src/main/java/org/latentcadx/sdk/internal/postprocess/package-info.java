/** Implementation: blending tile masks into the probability map, and finding lesions in it. */
package org.latentcadx.sdk.internal.postprocess;
