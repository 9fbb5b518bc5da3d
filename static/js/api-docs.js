// Starts swagger-ui (vendored, static/vendor/swagger-ui) on the API's own OpenAPI document.
// validatorUrl null: swagger-ui would otherwise load a badge from an outside validator.
// deepLinking off: its anchor inside each operation's button is a control nested in a control.
window.addEventListener("DOMContentLoaded", function () {
  var root = document.getElementById("swagger-ui");
  window.SwaggerUIBundle({
    url: root.dataset.openapiUrl,
    domNode: root,
    deepLinking: false,
    validatorUrl: null,
    tryItOutEnabled: true,
    defaultModelsExpandDepth: -1,  // the schemas are shown with each operation's responses
  });
});
