/**
 * Extension points: image file formats for {@link org.latentcadx.sdk.ImageFiles}, found with {@link
 * java.util.ServiceLoader}.
 */
package org.latentcadx.sdk.spi;
