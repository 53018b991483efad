// Being built (issue 3): replaced by the customer page with header, timeline and quick forms.
export function CustomerDetailPage() {
  return null;
}
