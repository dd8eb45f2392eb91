/** A minimal program that embeds the SDK: scores one image file with a bundled model. */
package org.latentcadx.samples;
