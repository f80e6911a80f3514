// ESLint's rules for the web pages' scripts (.ci/lint-scripts runs it). Beyond the recommended rules,
// nothing may turn text into markup or code: student text reaches the dashboard, and only
// textContent and attribute values may carry it.
import js from "@eslint/js";
import globals from "globals";

const markupSinks = ["innerHTML", "outerHTML"].map((property) => ({
  property,
  message: "builds markup from text; use textContent or DOM calls",
}));

export default [
  js.configs.recommended,
  {
    files: ["**/*.js"],
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: "script",
      globals: { ...globals.browser },
    },
    rules: {
      "no-eval": "error",
      "no-implied-eval": "error",
      "no-new-func": "error",
      "no-script-url": "error",
      "no-restricted-properties": [
        "error",
        ...markupSinks,
        { object: "document", property: "write", message: "writes markup" },
        { object: "document", property: "writeln", message: "writes markup" },
        { property: "insertAdjacentHTML", message: "builds markup from text" },
        { property: "createContextualFragment", message: "builds markup from text" },
        { property: "setHTMLUnsafe", message: "builds markup from text" },
        { property: "parseFromString", message: "parses text as markup" },
      ],
      "no-unused-vars": "error",
      "prefer-const": "error",
      "no-var": "error",
      eqeqeq: "error",
      strict: ["error", "function"],
    },
  },
];
