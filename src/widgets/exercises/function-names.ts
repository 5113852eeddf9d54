/** The functions formula answers may use (kept in sync with FUNCTIONS in exercises/formula/parse.ts by a test), listed without loading the parser. */
export const FUNCTION_NAMES = ['sqrt', 'exp', 'log', 'ln', 'abs', 'sin', 'cos', 'tan', 'asin', 'acos', 'atan', 'pow'];
