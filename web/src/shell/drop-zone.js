// A file drop target: highlights while a file is dragged over it
// ([data-dragging]) and hands the first dropped file to onFile (all of
// them as its second argument, for targets that take several).
export function bindDropZone(zone, onFile) {
  zone.addEventListener('dragover', (e) => {
    e.preventDefault();
    zone.setAttribute('data-dragging', '');
  });
  zone.addEventListener('dragleave', () => zone.removeAttribute('data-dragging'));
  zone.addEventListener('drop', (e) => {
    e.preventDefault();
    zone.removeAttribute('data-dragging');
    onFile(e.dataTransfer.files[0], [...e.dataTransfer.files]);
  });
}
