window.lateRan = typeof impress === "function";
