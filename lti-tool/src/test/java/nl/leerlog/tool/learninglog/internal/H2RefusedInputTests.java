package nl.leerlog.tool.learninglog.internal;

/** Refused input on H2 in PostgreSQL mode, the database of the dev profile (the shared launched-course application). */
class H2RefusedInputTests extends RefusedInputContractTests {}
