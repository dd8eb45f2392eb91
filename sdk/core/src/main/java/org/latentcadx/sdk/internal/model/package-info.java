/** Implementation: reading a model's bytes and checking its graph against the contract. */
package org.latentcadx.sdk.internal.model;
