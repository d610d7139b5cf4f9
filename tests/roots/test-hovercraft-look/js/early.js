window.earlyRan = typeof impress === "undefined";
