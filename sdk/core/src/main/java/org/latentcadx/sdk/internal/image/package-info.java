/** Implementation: the built-in PNG and TIFF image formats. */
package org.latentcadx.sdk.internal.image;
