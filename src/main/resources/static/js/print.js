// The print sheet's "print" button (no inline handler: the Content-Security-Policy forbids it).
document.addEventListener('DOMContentLoaded', () => {
  const button = document.getElementById('print-button');
  if (button) {
    button.addEventListener('click', () => window.print());
  }
});
