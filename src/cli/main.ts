#!/usr/bin/env node
import { buildProgram } from './program.js';

buildProgram()
  .parseAsync(process.argv)
  .catch((error: Error) => {
    console.error(`hookline: ${error.message}`);
    process.exit(1);
  });
