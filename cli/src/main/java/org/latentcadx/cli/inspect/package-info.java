/** {@code latentcadx inspect}: loads a model through the SDK and prints its contract and metadata. */
package org.latentcadx.cli.inspect;
