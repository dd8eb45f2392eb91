/** Files for the commands: atomic writes, CSV tables, JSON and SHA-256 of inputs. */
package org.latentcadx.cli.io;
