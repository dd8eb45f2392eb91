/**
 * The synthetic mammogram generator: breasts with fibroglandular texture, vessels, masses and
 * calcification clusters (the latent truth) and hand-drawn outlines around them (the imprecise
 * annotation), written in the CBIS-DDSM layout. Every property it varies is a range in {@link
 * org.latentcadx.trainer.data.synthetic.GeneratorOptions}.
 */
package org.latentcadx.trainer.data.synthetic;
